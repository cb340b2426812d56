import * as stories from '../../stories/journeys/social.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
