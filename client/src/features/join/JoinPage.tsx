import { useParams } from 'react-router';
import { JoinFromLink } from './JoinFromLink.tsx';
import { JoinWithCode } from './JoinWithCode.tsx';

/** `/join` asks for a code; `/j/:code` comes from a shared link and has it already. */
export function JoinPage() {
  const { code } = useParams();
  return code === undefined ? <JoinWithCode /> : <JoinFromLink key={code} code={code} />;
}
