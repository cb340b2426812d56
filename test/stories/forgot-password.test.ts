import * as stories from '../../stories/journeys/forgot-password.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
