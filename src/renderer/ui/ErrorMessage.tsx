/** A failure the user should read now, announced by screen readers as it appears. */
export function ErrorMessage({ message, className }: { message: string; className?: string }) {
  return (
    <p role="alert" className={className ? `error-message ${className}` : 'error-message'}>
      {message}
    </p>
  );
}
