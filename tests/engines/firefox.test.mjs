// The shared engine spec (suite.mjs) in Debian's Firefox ESR over WebDriver BiDi (puppeteer-core).
import { defineEngineSuite } from './suite.mjs';

defineEngineSuite('firefox');
