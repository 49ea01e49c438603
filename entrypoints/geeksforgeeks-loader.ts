import { geeksforgeeks } from '@/utils/sites/geeksforgeeks';
import { defineSiteLoader } from '@/utils/loader/define-loader';

export default defineSiteLoader(geeksforgeeks);
