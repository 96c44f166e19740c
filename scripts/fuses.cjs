// electron-builder afterPack hook: flips Electron's fuses in the packaged executable, so the
// installed app cannot be turned into a plain Node.js (ELECTRON_RUN_AS_NODE, NODE_OPTIONS,
// --inspect) or made to run code beside app.asar. afterPack runs before electron-builder signs the
// app, which is when the fuses must be flipped (flipping changes the executable's bytes).
//
// @electron/fuses 1.x: 2.x needs Node 22.12, and the build machines run Node 20.
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** The fuses for every platform. Asar integrity is checked by Electron on macOS and Windows. */
function fuseConfig(platform, arch) {
  return {
    version: FuseVersion.V1,
    // An Apple Silicon build must stay runnable before it is signed properly.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The app's page comes from app:// (electron/main/protocol.ts), so file:// needs no extras.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The Electron executable electron-builder just laid out (its own rule, platformPackager.js). */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

const ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

async function afterPack(context) {
  const arch = typeof context.arch === 'number' ? ARCH[context.arch] : context.arch;
  await flipFuses(executablePath(context), fuseConfig(context.electronPlatformName, arch));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.afterPack = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.executablePath = executablePath;
