import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack } from '@atlaskit/primitives';
import { useEffect, useState } from 'react';
import { AppIframe } from './AppIframe';

/** The dashboard: the KPI gadget in view mode, or in edit mode (the same resource, entryPoint 'edit'). */
export function Dashboard({ userKey }: { userKey: string }) {
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    // view.submit in the edit view saves the configuration; Jira then shows the gadget's view again.
    const onMessage = (event: MessageEvent<{ source?: string; type?: string; app?: string }>) => {
      if (
        event.origin !== location.origin ||
        event.data.source !== 'sandbox-app' ||
        event.data.app !== 'gadget'
      )
        return;
      if (event.data.type === 'submit' || event.data.type === 'close') {
        setEditing(false);
        setVersion((current) => current + 1);
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
    };
  }, []);
  return (
    <Stack space="space.200">
      <Inline space="space.200" alignBlock="center">
        <Heading size="large" as="h2">
          Dashboard
        </Heading>
        <Button
          onClick={() => {
            setEditing(!editing);
          }}
        >
          {editing ? 'Cancel editing' : 'Edit'}
        </Button>
      </Inline>
      <AppIframe
        key={`${String(editing)}-${userKey}-${String(version)}`}
        title={editing ? 'Security exception KPIs (edit)' : 'Security exception KPIs'}
        src={`/apps/gadget/?gadgetId=sandbox-gadget${editing ? '&entryPoint=edit' : ''}`}
        minHeight={480}
      />
    </Stack>
  );
}

/** The app's admin page (jira:adminPage) in Jira's settings. */
export function AdminPage({ userKey }: { userKey: string }) {
  return (
    <Stack space="space.200">
      <Heading size="large" as="h2">
        Jira settings: Security Exceptions
      </Heading>
      {/* A window of its own, as Jira gives an admin page: the policy editor scrolls inside it with its Save
          button in view (sticky at the bottom), not at the end of a page ten screens long. */}
      <iframe
        key={userKey}
        title="Security Exceptions administration"
        src="/apps/admin/"
        style={{ width: '100%', height: 'max(600px, calc(100vh - 240px))', border: 0 }}
      />
    </Stack>
  );
}
