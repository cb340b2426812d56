import * as stories from '../../stories/journeys/server-problems.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
