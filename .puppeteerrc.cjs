/**
 * whatsapp-web.js depends on full puppeteer, whose install script would download a
 * browser. The bot drives Debian's chromium (CHROMIUM_PATH) instead: never download one.
 */
module.exports = { skipDownload: true };
