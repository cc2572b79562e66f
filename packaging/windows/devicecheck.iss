; Device Check: a per-user Windows installer (no administrator rights needed). Inno Setup 6.3 or newer.
;
; packaging/package.py runs this for you on Windows when ISCC.exe is found. By hand, from the checkout:
;   ISCC.exe /DAppVersion=0.1.0 /DAppDisplayName="Device Check" /DFileStem=devicecheck packaging\windows\devicecheck.iss
; It packs packaging\out\devicecheck\ (the PyInstaller bundle) into dist\<FileStem>-<AppVersion>-windows-x64-setup.exe.
; Sign the bundle's .exe files before this and the setup .exe after it: packaging\windows\sign.ps1.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (packaging/package.py reads it from checks/_version.py)
#endif
#ifndef AppDisplayName
  #define AppDisplayName "Device Check"
#endif
#ifndef FileStem
  #define FileStem "devicecheck"
#endif
#ifndef BundleDir
  #define BundleDir "..\out\devicecheck"
#endif
; The name of the login item. The app's own "Start at login" setting must use the same value name.
#define RunValueName "DeviceCheck"
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"

[Setup]
; One AppId for every agency's build: installing another agency's build replaces the previous one.
AppId={{41BCF50B-CB76-4AE1-8683-E7D635BC2B7F}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppPublisher=Device Check
; Per-user install: {autopf} is %LOCALAPPDATA%\Programs and {autoprograms} the user's own Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Device Check
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#FileStem}-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\devicecheck.ico
UninstallDisplayIcon={app}\devicecheck.exe
UninstallDisplayName={#AppDisplayName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Close a running Device Check (e.g. the tray monitor) before replacing its files.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "startatlogin"; Description: "Start Device Check when I sign in (it watches for social apps during school hours)"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppDisplayName}"; Filename: "{app}\devicecheck.exe"; Comment: "Check this laptop against your agency's Social Networking Policy"

[Registry]
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#RunValueName}"; ValueData: """{app}\devicecheck.exe"" --tray"; Flags: uninsdeletevalue; Tasks: startatlogin

[Run]
Filename: "{app}\devicecheck.exe"; Description: "Open Device Check now"; Flags: nowait postinstall skipifsilent

[Code]
// The app's own "Start at login" setting can write the same Run value after installation, so the
// uninstaller removes it whether or not the installer's task created it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RegDeleteValue(HKEY_CURRENT_USER, '{#RunKey}', '{#RunValueName}');
end;
