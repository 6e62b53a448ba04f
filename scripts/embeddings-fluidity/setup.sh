#!/bin/bash
# Measures the embeddings page at 19,820 points (issue #8): run setup.sh, then
#   npm install playwright-core && node measure.js http://127.0.0.1:5077 RUN admin@lab.test Admin-pass-1 out.png
# (Debian chromium at /usr/bin/chromium, software WebGL).
# Starts XaiLab on a fresh data folder, makes a 19,820-slice phantom dataset, a 1-epoch smallcnn run on it, and PCA
# embeddings of all slices (raw pixels, untrained, trained); prints the run id.
set -e
DATA=/tmp/emb-data; rm -rf $DATA; mkdir -p $DATA
cd "$(dirname "$0")/../../XaiLab.Web/bin/Release/net10.0"  # build first: dotnet build XaiLab.Web -c Release
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:5077 XaiLab__DataDirectory=$DATA \
  XaiLab__Admin__Email=admin@lab.test XaiLab__Admin__Password=Admin-pass-1
nohup dotnet XaiLab.Web.dll --urls http://127.0.0.1:5077 > /tmp/emb-app.log 2>&1 &
echo $! > /tmp/emb-app.pid
B=http://127.0.0.1:5077
for i in $(seq 1 60); do curl -sf $B/api/health >/dev/null && break; sleep 1; done
T=$(curl -s -X POST $B/api/auth/token -H 'content-type: application/json' -d '{"email":"admin@lab.test","password":"Admin-pass-1"}' | python3 -c "import sys,json;print(json.load(sys.stdin)['token'])")
H="Authorization: Bearer $T"
J='content-type: application/json'
start=$(date +%s)
DS=$(curl -s -X POST $B/api/datasets/demo -H "$H" -H "$J" -d '{"slices":19820,"size":64,"seed":4}' | python3 -c "import sys,json;print(json.load(sys.stdin)['id'])")
while [ "$(curl -s $B/api/datasets/$DS -H "$H" | python3 -c "import sys,json;print(json.load(sys.stdin)['status'])")" = importing ]; do sleep 3; done
echo "dataset $DS ready after $(( $(date +%s) - start )) s"
RUN=$(curl -s -X POST $B/api/runs -H "$H" -H "$J" -d "{\"datasetId\":$DS,\"architecture\":\"smallcnn\",\"epochs\":1,\"imageSize\":32,\"batchSize\":64,\"seed\":1}" | python3 -c "import sys,json;print(json.load(sys.stdin)['id'])")
while [ "$(curl -s $B/api/runs/$RUN -H "$H" | python3 -c "import sys,json;print(json.load(sys.stdin)['status'])")" != succeeded ]; do sleep 5; done
echo "run $RUN done after $(( $(date +%s) - start )) s"
curl -s -X POST $B/api/datasets/$DS/embeddings -H "$H" -H "$J" -d '{"projection":"pca","split":"all"}'; echo
curl -s -X POST $B/api/runs/$RUN/embeddings -H "$H" -H "$J" -d '{"source":"initial","projection":"pca","split":"all"}'; echo
curl -s -X POST $B/api/runs/$RUN/embeddings -H "$H" -H "$J" -d '{"source":"trained","projection":"pca","split":"all"}'; echo
sleep 5
while curl -s $B/api/runs/$RUN/embeddings -H "$H" | python3 -c "import sys,json;d=json.load(sys.stdin);sys.exit(0 if any(e['status']!='succeeded' for e in d) else 1)"; do sleep 3; done
curl -s $B/api/datasets/$DS/embeddings -H "$H" | head -c 300; echo
echo "RUN=$RUN"
