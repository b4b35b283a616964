@echo off
rem Installs the Taizhang WPS add-in for this user only (no admin rights): copies the add-in folder
rem beside this file into %APPDATA%\kingsoft\wps\jsaddons and adds its entry to publish.xml, keeping
rem every other add-in's entry. Running it twice leaves one entry. Restart WPS afterwards.
rem publish.xml is edited by publish.js through Windows Script Host (cscript, on every Windows, no
rem PowerShell needed); only where WSH is turned off does PowerShell do the same edit. Each edit is
rem checked afterwards by looking for our entry (find, as cmd has it). /quiet: no pause at the end (scripts, tests).
setlocal
set "NAME=@NAME@"
set "VERSION=@VERSION@"
set "FOLDER=%NAME%_%VERSION%"
set "DEST=%APPDATA%\kingsoft\wps\jsaddons"
set "PUB=%DEST%\publish.xml"
if not exist "%~dp0%FOLDER%\ribbon.xml" (
  echo The folder %FOLDER% is not beside install.bat: copy the whole dist-wps folder, then run it again.
  set "RC=1"
  goto end
)
if not exist "%DEST%" mkdir "%DEST%"
if exist "%DEST%\%FOLDER%" rmdir /s /q "%DEST%\%FOLDER%"
xcopy "%~dp0%FOLDER%" "%DEST%\%FOLDER%\" /e /i /q /y >nul
if not exist "%DEST%\%FOLDER%\ribbon.xml" (
  echo Could not copy %FOLDER% into %DEST%.
  set "RC=1"
  goto end
)
rem //E:JScript where .js is no longer tied to JScript on this PC; plain where //E is not known (Wine).
cscript //nologo //E:JScript "%~dp0publish.js" add
call :hasEntry
if not errorlevel 1 goto done
cscript //nologo "%~dp0publish.js" add
call :hasEntry
if not errorlevel 1 goto done
echo Windows Script Host did not edit publish.xml; trying PowerShell.
powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command ^
  "$p = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons\publish.xml';" ^
  "if (Test-Path $p) { $t = [IO.File]::ReadAllText($p) } else { $t = '' };" ^
  "if ($t -notmatch '</jsplugins>') { $t = '<?xml version=""1.0"" encoding=""UTF-8""?>' + [char]10 + '<jsplugins>' + [char]10 + '</jsplugins>' + [char]10 };" ^
  "$t = [regex]::Replace($t, '[ \t]*<jsplugin\s(?:[^>]*\s)?name=""%NAME%""[^>]*/>\r?\n?', '');" ^
  "$e = '  <jsplugin name=""%NAME%"" type=""et"" url=""%FOLDER%"" version=""%VERSION%"" enable=""enable_dev""/>' + [char]10;" ^
  "$i = $t.IndexOf('</jsplugins>'); $t = $t.Substring(0, $i) + $e + $t.Substring($i);" ^
  "[IO.File]::WriteAllText($p, $t, (New-Object Text.UTF8Encoding($false)))"
call :hasEntry
if not errorlevel 1 goto done
echo publish.xml could not be edited. Open %PUB% in Notepad and add this line before ^</jsplugins^>:
echo   ^<jsplugin name="%NAME%" type="et" url="%FOLDER%" version="%VERSION%" enable="enable_dev"/^>
set "RC=1"
goto end
:done
echo Taizhang %VERSION% installed in %DEST%\%FOLDER%. Restart WPS.
set "RC=0"
:end
if /i not "%~1"=="/quiet" pause
exit /b %RC%

rem errorlevel 0 when publish.xml has our entry of this version.
:hasEntry
if not exist "%PUB%" exit /b 1
find "%FOLDER%" "%PUB%" >nul
exit /b %errorlevel%
