interface UserAvatarProps {
  name?: string | null;
  image?: string | null;
  large?: boolean;
}

/** The user's picture, or their initials when they have none. */
export function UserAvatar({ name, image, large = false }: UserAvatarProps) {
  const className = large ? "avatar avatar-large" : "avatar";
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- avatars come from any host; next/image would need each one configured
    return <img className={className} src={image} alt={name ? `${name}'s avatar` : "User avatar"} />;
  }
  const initials = (name ?? "?")
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <span className={className} role="img" aria-label={name ? `${name}'s avatar` : "User avatar"}>
      {initials}
    </span>
  );
}
