import * as stories from '../../stories/hostile-configs.stories.js';
import { describeStories } from './run-stories.js';

describeStories(stories);
