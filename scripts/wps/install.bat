@echo off
rem Installs the Taizhang WPS add-in for this user only (no admin rights): copies the add-in folder
rem beside this file into %APPDATA%\kingsoft\wps\jsaddons and adds its entry to publish.xml, keeping
rem every other add-in's entry. Running it twice leaves one entry. Restart WPS afterwards.
setlocal
set "NAME=@NAME@"
set "VERSION=@VERSION@"
set "FOLDER=%NAME%_%VERSION%"
set "DEST=%APPDATA%\kingsoft\wps\jsaddons"
if not exist "%DEST%" mkdir "%DEST%"
if exist "%DEST%\%FOLDER%" rmdir /s /q "%DEST%\%FOLDER%"
xcopy "%~dp0%FOLDER%" "%DEST%\%FOLDER%\" /e /i /q /y >nul
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$p = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons\publish.xml';" ^
  "if (Test-Path $p) { $t = [IO.File]::ReadAllText($p) } else { $t = '' };" ^
  "if ($t -notmatch '</jsplugins>') { $t = '<?xml version=""1.0"" encoding=""UTF-8""?>' + [char]10 + '<jsplugins>' + [char]10 + '</jsplugins>' + [char]10 };" ^
  "$t = [regex]::Replace($t, '[ \t]*<jsplugin [^>]*name=""%NAME%""[^>]*/>\r?\n?', '');" ^
  "$e = '  <jsplugin name=""%NAME%"" type=""et"" url=""%FOLDER%"" version=""%VERSION%"" enable=""enable_dev""/>' + [char]10;" ^
  "$i = $t.IndexOf('</jsplugins>'); $t = $t.Substring(0, $i) + $e + $t.Substring($i);" ^
  "[IO.File]::WriteAllText($p, $t, (New-Object Text.UTF8Encoding($false)))"
if errorlevel 1 (
  echo publish.xml could not be updated.
  exit /b 1
)
echo Taizhang %VERSION% installed in %DEST%\%FOLDER%
endlocal
