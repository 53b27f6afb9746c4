// The shared engine spec (suite.mjs) in WebKitGTK's MiniBrowser over WebDriver classic (WebKitWebDriver, selenium-webdriver).
import { defineSubpathSuite } from './subpath-suite.mjs';
import { defineEngineSuite } from './suite.mjs';

defineEngineSuite('webkit');
defineSubpathSuite('webkit');
