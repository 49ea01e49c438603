import { leetcode } from '@/utils/sites/leetcode';
import { defineSiteLoader } from '@/utils/loader/define-loader';

export default defineSiteLoader(leetcode);
