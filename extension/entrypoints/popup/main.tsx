import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

type Status = { ok: true; workerUrl: string; name: string } | { ok: false; workerUrl: string; error: string };

function Popup() {
  const [status, setStatus] = useState<Status | undefined>();
  useEffect(() => {
    void browser.runtime.sendMessage({ type: 'connection-status' }).then((s) => setStatus(s as Status));
  }, []);
  if (!status) return <p>Connecting…</p>;
  return status.ok ? (
    <p id="connection">Connected to {status.workerUrl} as {status.name}</p>
  ) : (
    <p id="connection">Not connected to {status.workerUrl}: {status.error}</p>
  );
}

render(<Popup />, document.getElementById('app')!);
