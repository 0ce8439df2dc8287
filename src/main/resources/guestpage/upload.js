(function () {
  var form = document.getElementById('upload');
  if (!form || !window.fetch || !window.XMLHttpRequest || !window.Promise) return;
  var input = document.getElementById('photo');
  var status = document.getElementById('upload-status');
  var bar = document.getElementById('upload-progress');
  var post = function (url, body) {
    return fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})
      .then(function (r) {
        return r.json().then(function (b) {
          if (!r.ok) throw new Error(b.detail || 'The upload was refused.');
          return b;
        });
      });
  };
  var say = function (text, bad) {
    status.textContent = text;
    status.className = bad ? 'bad' : 'good';
  };
  var put = function (d, file) {
    return new Promise(function (ok, fail) {
      var x = new XMLHttpRequest();
      x.open(d.method, d.url);
      Object.keys(d.headers || {}).forEach(function (k) { x.setRequestHeader(k, d.headers[k]); });
      bar.hidden = false;
      bar.value = 0;
      x.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round(e.loaded * 100 / e.total); };
      x.onload = function () { x.status < 300 ? ok() : fail(new Error('The upload failed (' + x.status + ').')); };
      x.onerror = function () { fail(new Error('The upload failed; please check your connection and try again.')); };
      x.send(file);
    });
  };
  var show = function (s) {
    var list = document.getElementById('gallery-list');
    var li = document.createElement('li');
    var a = document.createElement('a');
    var img = document.createElement('img');
    a.href = s.full_url;
    img.src = s.thumbnail_url;
    img.alt = 'Your new photo';
    img.width = s.thumbnail_width;
    img.height = s.thumbnail_height;
    a.appendChild(img);
    li.appendChild(a);
    list.appendChild(li);
    document.getElementById('gallery').hidden = false;
  };
  var poll = function (url, n) {
    return fetch(url).then(function (r) { return r.json(); }).then(function (s) {
      if (s.state === 'ready') { show(s); bar.hidden = true; say('Thanks! Your photo is in the gallery.'); return; }
      if (s.state === 'rejected') { bar.hidden = true; say(s.reason, true); return; }
      if (n > 90) { say('Still working on it; your photo will appear in the gallery soon.'); return; }
      return new Promise(function (ok) { setTimeout(ok, 1000); }).then(function () { return poll(url, n + 1); });
    });
  };
  form.addEventListener('submit', function (e) {
    var file = input.files && input.files[0];
    if (!file) return;
    e.preventDefault();
    say('Uploading…');
    post(form.getAttribute('data-presign'), {
      slug: form.getAttribute('data-slug'),
      upload_token: form.getAttribute('data-token'),
      content_type: file.type || 'application/octet-stream',
      size: file.size
    }).then(function (d) {
      return put(d, file).then(function () {
        bar.value = 100;
        say('Uploaded. Making it look good…');
        return post(d.complete_url, {upload_token: form.getAttribute('data-token')});
      }).then(function () { return poll(d.status_url, 0); });
    }).catch(function (err) { say(err.message, true); });
  });
})();
