@echo off
rem Removes the Taizhang WPS add-in of this user: its folder and its publish.xml entry; every other
rem add-in's entry stays. Running it twice is harmless. publish.xml is edited by publish.js through
rem Windows Script Host (cscript), by PowerShell only where WSH is turned off. /quiet: no pause.
setlocal
set "NAME=@NAME@"
set "DEST=%APPDATA%\kingsoft\wps\jsaddons"
set "PUB=%DEST%\publish.xml"
set "RC=0"
rem Every version's folder (dir /b, not for /d: that one takes no quoted path under Wine).
for /f "delims=" %%D in ('dir /b /ad "%DEST%\%NAME%_*" 2^>nul') do rmdir /s /q "%DEST%\%%D"
if not exist "%PUB%" goto done
rem //E:JScript where .js is no longer tied to JScript on this PC; plain where //E is not known (Wine).
cscript //nologo //E:JScript "%~dp0publish.js" remove
call :noEntry
if not errorlevel 1 goto done
cscript //nologo "%~dp0publish.js" remove
call :noEntry
if not errorlevel 1 goto done
echo Windows Script Host did not edit publish.xml; trying PowerShell.
powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command ^
  "$p = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons\publish.xml'; $t = [IO.File]::ReadAllText($p);" ^
  "$t = [regex]::Replace($t, '[ \t]*<jsplugin\s(?:[^>]*\s)?name=""%NAME%""[^>]*/>\r?\n?', '');" ^
  "[IO.File]::WriteAllText($p, $t, (New-Object Text.UTF8Encoding($false)))"
call :noEntry
if not errorlevel 1 goto done
echo publish.xml could not be edited. Open %PUB% in Notepad and delete the line with name="%NAME%".
set "RC=1"
goto end
:done
echo Taizhang removed from %DEST%
:end
if /i not "%~1"=="/quiet" pause
exit /b %RC%

rem errorlevel 0 when publish.xml has no entry of ours (whose url is %NAME%_<version>).
:noEntry
find "%NAME%_" "%PUB%" >nul
if errorlevel 1 exit /b 0
exit /b 1
