import * as stories from '../../stories/journeys/missing-profile.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
