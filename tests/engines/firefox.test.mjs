// The shared engine spec (suite.mjs) in Debian's Firefox ESR over WebDriver BiDi (puppeteer-core).
import { defineSubpathSuite } from './subpath-suite.mjs';
import { defineEngineSuite } from './suite.mjs';

defineEngineSuite('firefox');
defineSubpathSuite('firefox');
