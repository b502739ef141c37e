# Builds the Windows app-image and an .msi (or a setup .exe). Run in PowerShell on Windows x64 with JDK 17+ and
# Maven on the PATH, and WiX Toolset 3.x (candle.exe, light.exe) on the PATH for msi/exe: JDK 17's jpackage
# drives WiX 3 only. -Pwin-x64 picks LibTorch's windows-x86_64 natives (JavaFX picks its win natives by itself).
# Usage: installers\build-windows.ps1 [-Type msi|exe|app-image]     Output: installers\target\dist\
param([ValidateSet("msi", "exe", "app-image")][string]$Type = "msi")
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
if ($Type -ne "app-image" -and -not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    throw "WiX 3 (candle.exe, light.exe) is not on the PATH; install WiX Toolset 3.14 and add its bin folder to the PATH"
}
Push-Location $root
try {
    mvn -B "-Pdist,win-x64" -DskipTests package "-Djpackage.type=$Type"
    if ($LASTEXITCODE -ne 0) { throw "mvn failed with exit code $LASTEXITCODE" }
    Get-ChildItem installers\target\dist
} finally {
    Pop-Location
}
