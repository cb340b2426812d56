import * as stories from '../../stories/sign-in-page.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
