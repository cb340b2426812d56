import * as stories from '../../stories/sign-in-form.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
