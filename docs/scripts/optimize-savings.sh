#!/usr/bin/env bash
# Reproduces the savings table of docs/lossless.md: lossless optimisation of a varied set of JPEG files by
# tessera optimize, libjpeg-turbo's jpegtran and jpegoptim, with the decoded pixels of every output checked
# against the input's (djpeg, byte for byte).
#
#   bash docs/scripts/optimize-savings.sh [WORKDIR]
#
# Needs: the Kodak PNGs and the libjpeg-turbo test images under ../shared/corpus (or SHARED=...), cjpeg, djpeg,
# jpegtran (Debian libjpeg-turbo-progs), jpegoptim (Debian jpegoptim), ImageMagick's convert (PNG to PPM), and
# tessera (TESSERA="java -jar codec-cli/target/tessera.jar" by default; build it with mvn -B -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}
TESSERA=${TESSERA:-java -jar codec-cli/target/tessera.jar}
WORK=${1:-$(mktemp -d)}
mkdir -p "$WORK/set" "$WORK/jpegtran" "$WORK/jpegtran-prog" "$WORK/jpegoptim" "$WORK/tessera" "$WORK/tessera-ari"

# The set: the 24 Kodak images as cjpeg writes them at qualities 50, 75 and 90 (4:2:0, standard Huffman tables),
# five variants (progressive, 4:4:4, gray, restart markers, 4:2:2) and the three 8-bit libjpeg-turbo test images.
for png in "$SHARED"/corpus/kodak/kodim*.png; do
    name=$(basename "$png" .png)
    convert "$png" ppm:- > "$WORK/$name.ppm"
    for q in 50 75 90; do
        cjpeg -quality $q "$WORK/$name.ppm" > "$WORK/set/${name}_q$q.jpg"
    done
done
cjpeg -quality 85 -progressive "$WORK/kodim05.ppm" > "$WORK/set/kodim05_q85p.jpg"
cjpeg -quality 80 -sample 1x1 "$WORK/kodim07.ppm" > "$WORK/set/kodim07_q80_444.jpg"
cjpeg -quality 70 -grayscale "$WORK/kodim08.ppm" > "$WORK/set/kodim08_q70_gray.jpg"
cjpeg -quality 95 -restart 1 "$WORK/kodim09.ppm" > "$WORK/set/kodim09_q95_rst.jpg"
cjpeg -quality 60 -sample 2x1 "$WORK/kodim10.ppm" > "$WORK/set/kodim10_q60_422.jpg"
cp "$SHARED"/corpus/libjpeg-turbo/{testorig,testimgint,testimgari}.jpg "$WORK/set/"

for f in "$WORK"/set/*.jpg; do
    b=$(basename "$f")
    jpegtran -copy all -optimize "$f" > "$WORK/jpegtran/$b"
    jpegtran -copy all -optimize -progressive "$f" > "$WORK/jpegtran-prog/$b"
    cp "$f" "$WORK/jpegoptim/$b"
done
jpegoptim -q "$WORK"/jpegoptim/*.jpg > /dev/null
$TESSERA optimize --quiet --out-dir "$WORK/tessera" "$WORK"/set/*.jpg
$TESSERA optimize --quiet --arithmetic --out-dir "$WORK/tessera-ari" "$WORK"/set/*.jpg

# Every output must decode to the input's pixels.
for f in "$WORK"/set/*.jpg; do
    b=$(basename "$f")
    djpeg "$f" > "$WORK/in.pnm"
    for d in jpegtran jpegtran-prog jpegoptim tessera tessera-ari; do
        djpeg "$WORK/$d/$b" > "$WORK/out.pnm"
        cmp -s "$WORK/in.pnm" "$WORK/out.pnm" || { echo "pixels differ: $d/$b" >&2; exit 1; }
    done
done

total() { cat "$@" | wc -c; }
group() { # group DIR PATTERN
    total "$WORK/$1"/$2
}
printf '| group | files | input | jpegtran -optimize | jpegtran -optimize -progressive | jpegoptim | tessera optimize | tessera optimize --arithmetic |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- |\n'
for g in "Kodak q50:*_q50.jpg" "Kodak q75:*_q75.jpg" "Kodak q90:*_q90.jpg" "variants:kodim*_q[0-9][0-9][!.]*.jpg" \
         "libjpeg-turbo:test*.jpg" "all:*.jpg"; do
    label=${g%%:*}
    pattern=${g#*:}
    n=$(ls "$WORK"/set/$pattern | wc -l)
    in=$(group set "$pattern")
    row="| $label | $n | $in"
    for d in jpegtran jpegtran-prog jpegoptim tessera tessera-ari; do
        out=$(group $d "$pattern")
        row="$row | $out ($(awk -v a="$out" -v b="$in" 'BEGIN { printf "%+.2f%%", 100 * (a - b) / b }'))"
    done
    echo "$row |"
done
