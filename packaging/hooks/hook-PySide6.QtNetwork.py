# Device Check's override of PyInstaller's own hook: QLocalServer only, so no TLS or network-information
# plugins (the app never opens a network connection), no translations.
from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_trim import trim

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries, datas = trim(binaries), trim(datas)
