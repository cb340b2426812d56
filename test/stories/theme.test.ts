import * as stories from '../../stories/theme.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
