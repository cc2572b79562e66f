# Device Check's override of PyInstaller's own hook: the same collection, minus the unused plugins and translations.
from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_trim import trim

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries, datas = trim(binaries), trim(datas)
