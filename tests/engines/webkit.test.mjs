// The shared engine spec (suite.mjs) in WebKitGTK's MiniBrowser over WebDriver classic (WebKitWebDriver, selenium-webdriver).
import { defineEngineSuite } from './suite.mjs';

defineEngineSuite('webkit');
