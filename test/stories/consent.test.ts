import * as stories from '../../stories/journeys/consent.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
