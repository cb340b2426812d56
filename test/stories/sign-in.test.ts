import * as stories from '../../stories/journeys/sign-in.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
