import { codewars } from '@/utils/sites/codewars';
import { defineSiteLoader } from '@/utils/loader/define-loader';

export default defineSiteLoader(codewars);
