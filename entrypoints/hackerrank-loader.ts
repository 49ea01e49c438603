import { hackerrank } from '@/utils/sites/hackerrank';
import { defineSiteLoader } from '@/utils/loader/define-loader';

export default defineSiteLoader(hackerrank);
