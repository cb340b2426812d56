import * as stories from '../../stories/qr-sign-in.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
