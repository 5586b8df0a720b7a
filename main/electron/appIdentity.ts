// The app's identity, shared by the main process and electron-builder.yml (a test keeps the two
// equal): Windows groups the taskbar by this id, and the installers register it.
export const APP_ID = 'id.warta.reader'
export const PRODUCT_NAME = 'Warta'
