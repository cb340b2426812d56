import * as stories from '../../stories/journeys/sign-up.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
