import * as stories from '../../stories/theme-gallery.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
