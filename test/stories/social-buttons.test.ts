import * as stories from '../../stories/social-buttons.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
