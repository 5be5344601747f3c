; Inno Setup 6 script for the Windows installer of Second Opinion.
;
; NOT BUILT OR TESTED: written and reviewed against the Inno Setup 6.3 documentation; no
; Windows machine was available. Build the bundle first (python packaging\build.py, which
; also runs this script when ISCC.exe is on PATH), or by hand:
;     ISCC.exe /DAppVersion=0.1.0 packaging\windows\second-opinion.iss
; The version is passed in, never written here: src/second_opinion/__init__.py is the one
; place it lives.
;
; What it installs: the one-folder bundle dist\second-opinion\ (second-opinion.exe opens the
; window, second-opinion-cli.exe is the command line) into Program Files, or into the user's
; own programs folder when installed without administrator rights. The vault lives in the
; user's data folder, never in {app}, so uninstalling or upgrading never touches it.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z second-opinion.iss
#endif

#define AppName "Second Opinion"
#define AppExe "second-opinion.exe"
#define BundleDir "..\..\dist\second-opinion"

[Setup]
; AppId identifies the app to Windows across versions: never change it.
AppId={{5D2FB3E6-2AFA-4BA5-9ED2-670665BF8C30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Second Opinion authors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed on a family laptop); the dialog lets
; an administrator install for everyone instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
SetupIconFile=..\icons\second-opinion.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=second-opinion-{#AppVersion}-windows-x64-setup
; Close a running copy before replacing its files (the vault is closed cleanly on exit).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not keep modules of the previous version beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Organise a medical second opinion in one encrypted file"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
