#!/bin/sh
# Makes a runnable copy of the fat jar with its AOT cache: extracts blytz-app/target/blytz-app.jar into
# blytz-app/target/launch, adds run.sh and jvm.options, and does the training run (train.sh) with the environment
# and arguments of the real runs. Then start with blytz-app/target/launch/run.sh (ADR 0026).
set -e
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../target"
rm -rf "$target/launch"
java -Djarmode=tools -jar "$target/blytz-app.jar" extract --destination "$target/launch"
cp "$here/jvm.options" "$here/run.sh" "$here/train.sh" "$target/launch/"
"$target/launch/train.sh" "$@"
