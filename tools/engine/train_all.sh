#!/bin/sh
# Reproduces resources/models/ (seeded, on the CPU, one thread a process): plate formats, OCR (three stages) and
# detector, then ONNX export. Afterwards `git status resources/models` shows whether the files came out the same.
# The OCR's first stage and the detector run side by side, one thread each: OpenMP barriers stall on a busy
# 2-core machine, two single-threaded jobs do not. The OCR's second stage fine-tunes on plates inside licence-plate
# frames (the detector's quads on real cars often take in the frame). The third stage continues from the second on
# a stream of fresh samples made by worker processes (the result does not depend on their number): 3 600 steps,
# 40 min on this 2-core machine. Rerun here, every stage gave the same weights and the ONNX files came out byte for
# byte (docs/engine.md, "Training time and model size").
# Needs Debian's python3-torch, python3-onnx, python3-opencv, python3-pil and the fonts listed in platedata.py.
# Afterwards rebuild and refit the confidence calibration on the us-crops validation split:
#   alpr_bench_recognition --calibrate --models resources/models --write resources/models/engine.json
set -eu
cd "$(dirname "$0")"
# glibc returns PyTorch's large buffers to the kernel after every step by default (mmap'ed, or trimmed off the top
# of the heap); the page faults that follow cost more than the convolutions: stage 3 took 2.0 s a step with only the
# mmap threshold raised, 0.8 s with both. The result is the same either way.
export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=2000000000:glibc.malloc.trim_threshold=2000000000
export OMP_NUM_THREADS=1
start=$(date +%s)
/usr/bin/python3 build_plate_formats.py "$@"
nice -n 10 /usr/bin/python3 train_ocr.py --weights plate_ocr_stage1.pt "$@" > train_ocr.log 2>&1 &
ocr=$!
nice -n 10 /usr/bin/python3 train_detector.py "$@" > train_detector.log 2>&1 &
detector=$!
wait $ocr
wait $detector
nice -n 10 /usr/bin/python3 train_ocr.py --init plate_ocr_stage1.pt --weights plate_ocr_stage2.pt --steps 500 --lr 1e-3 \
    --bank 16000 --context 0.5 --seed 20261130 "$@" > train_ocr_stage2.log 2>&1
nice -n 10 /usr/bin/python3 train_ocr.py --stream --init plate_ocr_stage2.pt --widths 1.0i --weights plate_ocr.pt \
    --steps 3600 --batch 128 --context 0.3 --workers "$(( $(nproc) > 2 ? $(nproc) - 1 : 2 ))" --report-every 300 "$@" \
    > train_ocr_stage3.log 2>&1
/usr/bin/python3 export_models.py
echo "total training wall time: $(( $(date +%s) - start )) s"
tail -n 1 train_ocr.log train_detector.log train_ocr_stage2.log train_ocr_stage3.log
sha256sum ../../resources/models/plate_ocr.onnx ../../resources/models/plate_detector.onnx
