import { exercism } from '@/utils/sites/exercism';
import { defineSiteLoader } from '@/utils/loader/define-loader';

export default defineSiteLoader(exercism);
