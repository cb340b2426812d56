import * as stories from '../../stories/journeys/session.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
