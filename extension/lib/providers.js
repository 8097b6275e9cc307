// A provider id as the core names it ('huawei', 'flexible-engine', 'ibm', 'aws', 'azure'), shown by
// its name from the _locales catalogs. `t` is the page's translator (lib/i18n.js, or www/i18n.js for
// the standalone page), so the popup, the options and www/ all say the same.
import { localeKey } from './words.js';

export const providerLabel = (t, provider) => t(localeKey('provider', provider));
