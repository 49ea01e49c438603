import { neetcode } from '@/utils/sites/neetcode';
import { defineSiteLoader } from '@/utils/loader/define-loader';

export default defineSiteLoader(neetcode);
