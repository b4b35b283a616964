@echo off
rem Removes the Taizhang WPS add-in of this user: its folder and its publish.xml entry; every other
rem add-in's entry stays. Running it twice is harmless.
setlocal
set "NAME=@NAME@"
set "DEST=%APPDATA%\kingsoft\wps\jsaddons"
for /d %%D in ("%DEST%\%NAME%_*") do rmdir /s /q "%%D"
if exist "%DEST%\publish.xml" powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$p = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons\publish.xml'; $t = [IO.File]::ReadAllText($p);" ^
  "$t = [regex]::Replace($t, '[ \t]*<jsplugin [^>]*name=""%NAME%""[^>]*/>\r?\n?', '');" ^
  "[IO.File]::WriteAllText($p, $t, (New-Object Text.UTF8Encoding($false)))"
echo Taizhang removed from %DEST%
endlocal
