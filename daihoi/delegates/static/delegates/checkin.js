/* Check-in at the gate: the phone's camera (BarcodeDetector where the browser has it, jsQR
   otherwise), a photo of the QR code, or a name found in the search; the server answers
   ok / again / refused and the page shows it in green, blue or red. */
(function () {
  "use strict";
  var root = document.getElementById("gate");
  if (!root || !root.dataset.scanUrl) { return; }
  var result = document.getElementById("result");
  var video = document.getElementById("camera");
  var canvas = document.getElementById("frame");
  var startButton = document.getElementById("camera-start");
  var photo = document.getElementById("qr-photo");
  var hits = document.getElementById("hits");
  var detector = null;
  var stream = null;
  var busy = false;
  var lastCode = "";
  var lastAt = 0;

  if ("BarcodeDetector" in window) {
    try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { detector = null; }
  }

  function line(text, tag) {
    var node = document.createElement(tag || "span");
    node.textContent = text;
    result.appendChild(node);
    result.appendChild(document.createElement("br"));
  }

  function show(data) {
    var status = data.status === "ok" || data.status === "again" ? data.status : "refused";
    result.className = "result " + status;
    result.dataset.status = status;
    result.textContent = "";
    if (data.photo) {
      var img = document.createElement("img");
      img.src = data.photo;
      img.alt = "";
      result.appendChild(img);
    }
    if (data.name) { line(data.name, "strong"); line(data.delegation || ""); }
    line(data.message || "");
    if (navigator.vibrate) { navigator.vibrate(status === "refused" ? [200, 100, 200] : 80); }
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () {
        return { status: "refused", message: "Máy chủ trả lỗi (" + response.status + "); thử lại." };
      });
    }).catch(function () {
      return { status: "refused", message: "Mất kết nối mạng; thử lại." };
    });
  }

  function submitCode(code, force) {
    var now = Date.now();
    if (busy || (!force && code === lastCode && now - lastAt < 3000)) { return; }
    lastCode = code;
    lastAt = now;
    busy = true;
    post(root.dataset.scanUrl, { code: code }).then(show).then(function () { busy = false; });
  }

  function decodeCanvas(source, width, height) {
    if (!window.jsQR || !width || !height) { return null; }
    var scale = Math.min(1, 1000 / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    var context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    var pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    var found = window.jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: "attemptBoth" });
    return found ? found.data : null;
  }

  function decode(source, width, height) {
    if (detector) {
      return detector.detect(source).then(function (codes) {
        return codes.length ? codes[0].rawValue : decodeCanvas(source, width, height);
      }).catch(function () { return decodeCanvas(source, width, height); });
    }
    return Promise.resolve(decodeCanvas(source, width, height));
  }

  function tick() {
    if (!stream) { return; }
    if (video.readyState < 2) { window.setTimeout(tick, 250); return; }
    decode(video, video.videoWidth, video.videoHeight).then(function (code) {
      if (code) { submitCode(code, false); }
      window.setTimeout(tick, 250);
    });
  }

  startButton.addEventListener("click", function () {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      video.classList.add("hidden");
      startButton.textContent = "Bật camera quét mã";
      return;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      show({ status: "refused", message: "Trình duyệt không mở được camera; hãy dùng “Chụp ảnh mã QR” hoặc tìm theo tên." });
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        video.classList.remove("hidden");
        startButton.textContent = "Tắt camera";
        return video.play();
      })
      .then(tick)
      .catch(function () {
        show({ status: "refused", message: "Không mở được camera (chưa cho phép?); hãy dùng ảnh hoặc tìm theo tên." });
      });
  });

  photo.addEventListener("change", function () {
    var file = photo.files && photo.files[0];
    if (!file) { return; }
    window.createImageBitmap(file).then(function (bitmap) {
      return decode(bitmap, bitmap.width, bitmap.height);
    }).then(function (code) {
      if (code) { submitCode(code, true); }
      else { show({ status: "refused", message: "Không đọc được mã QR trong ảnh; chụp lại gần và rõ hơn." }); }
    }).catch(function () {
      show({ status: "refused", message: "Không mở được ảnh; chụp lại." });
    }).then(function () { photo.value = ""; });
  });

  hits.addEventListener("click", function (event) {
    var button = event.target.closest("[data-delegate]");
    if (!button) { return; }
    button.disabled = true;
    post(root.dataset.nameUrl, { delegate: button.dataset.delegate }).then(function (data) {
      show(data);
      if (data.status !== "refused") {
        var mark = document.createElement("span");
        mark.className = "badge done_on_time";
        mark.textContent = "đã điểm danh";
        button.replaceWith(mark);
      } else { button.disabled = false; }
    });
  });
}());
