#!/usr/bin/env bash
# Refresh the German translation: collect every translatable string of the GUI into
# translations/gluteapp_de.ts (keeping what is translated), compile it to
# assets/i18n/gluteapp_de.qm and rebuild the Qt resources that carry it.
# Safe to run again and again: with no source change, nothing changes.
# New strings arrive as type="unfinished"; translate them (pyside6-linguist, or by hand in the
# .ts), run this again, and tests/gui/test_settings_translation.py stops failing.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
TS=translations/gluteapp_de.ts
QM=assets/i18n/gluteapp_de.qm
# English is the source language; its file holds only plural forms ("1 set" for "%n sets").
TS_EN=translations/gluteapp_en.ts
QM_EN=assets/i18n/gluteapp_en.qm

mapfile -t SOURCES < <(
  { find gluteapp/gui -name '*.py' ! -name '_resources_rc.py'; echo gluteapp/app.py; } | LC_ALL=C sort
)
mkdir -p "$(dirname "$TS")" "$(dirname "$QM")"

# -locations none: line numbers would change the .ts on every edit of a source file.
# -no-obsolete: a string removed from the code leaves the .ts too.
"$BIN/pyside6-lupdate" -silent -locations none -no-obsolete -source-language en \
  -target-language de_DE "${SOURCES[@]}" -ts "$TS"
"$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"
"$BIN/pyside6-lupdate" -silent -locations none -no-obsolete -pluralonly -source-language en \
  -target-language en_GB "${SOURCES[@]}" -ts "$TS_EN"
"$BIN/pyside6-lrelease" -silent "$TS_EN" -qm "$QM_EN"
"$BIN/python" hatch_build.py >/dev/null

unfinished=$(grep -c 'type="unfinished"' "$TS" || true)
total=$(grep -c '<source>' "$TS" || true)
echo "$TS: $total strings, $unfinished not yet translated"
echo "$TS_EN: $(grep -c '<source>' "$TS_EN" || true) plural texts," \
  "$(grep -c 'type="unfinished"' "$TS_EN" || true) without their English forms"
echo "$QM: $(wc -c <"$QM") bytes, compiled into gluteapp/gui/_resources_rc.py"
