import * as stories from '../../stories/journeys/security.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
