import * as stories from '../../stories/journeys/enterprise.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
