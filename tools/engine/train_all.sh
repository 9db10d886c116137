#!/bin/sh
# Reproduces resources/models/: plate formats, OCR and detector (the two trainings run side by side, one thread
# each: OpenMP barriers stall on a busy 2-core machine, two single-threaded jobs do not), then prints the timings.
# Needs Debian's python3-torch, python3-onnx, python3-opencv, python3-pil and the fonts listed in platedata.py.
# Afterwards build and run `alpr_bench_recognition --calibrate` to refit the confidence calibration in engine.json.
set -eu
cd "$(dirname "$0")"
# glibc returns PyTorch's large buffers to the kernel after every step by default; the page faults that follow
# cost more than the convolutions.
export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=2000000000
export OMP_NUM_THREADS=1
start=$(date +%s)
/usr/bin/python3 build_plate_formats.py "$@"
nice -n 10 /usr/bin/python3 train_ocr.py "$@" > train_ocr.log 2>&1 &
ocr=$!
nice -n 10 /usr/bin/python3 train_detector.py "$@" > train_detector.log 2>&1 &
detector=$!
wait $ocr
wait $detector
/usr/bin/python3 export_models.py
echo "total training wall time: $(( $(date +%s) - start )) s"
tail -n 1 train_ocr.log train_detector.log
